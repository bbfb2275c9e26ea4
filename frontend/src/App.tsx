import { Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/AuthContext';
import { RequireAuth } from './auth/RequireAuth';
import { Layout } from './components/Layout';
import { AccountScreen } from './screens/Account/AccountScreen';
import { AdminScreen } from './screens/Admin/AdminScreen';
import { ForgotPasswordScreen } from './screens/ForgotPassword/ForgotPasswordScreen';
import { LoginScreen } from './screens/Login/LoginScreen';
import { MyProductsScreen } from './screens/MyProducts/MyProductsScreen';
import { NotFoundScreen } from './screens/NotFound/NotFoundScreen';
import { ProductScreen } from './screens/Product/ProductScreen';
import { ProductEditorScreen } from './screens/ProductEditor/ProductEditorScreen';
import { ResetPasswordScreen } from './screens/ResetPassword/ResetPasswordScreen';
import { SearchScreen } from './screens/Search/SearchScreen';
import { SellerScreen } from './screens/Seller/SellerScreen';
import { SignupScreen } from './screens/Signup/SignupScreen';
import { VerifyEmailScreen } from './screens/VerifyEmail/VerifyEmailScreen';

/** Routes; rendered inside a router (BrowserRouter in main.tsx, MemoryRouter in tests). */
export function App() {
  return (
    <AuthProvider>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<SearchScreen />} />
          <Route path="products/:id" element={<ProductScreen />} />
          <Route
            path="products/:id/edit"
            element={
              <RequireAuth>
                <ProductEditorScreen />
              </RequireAuth>
            }
          />
          <Route path="sellers/:id" element={<SellerScreen />} />
          <Route path="login" element={<LoginScreen />} />
          <Route path="signup" element={<SignupScreen />} />
          <Route path="forgot-password" element={<ForgotPasswordScreen />} />
          <Route path="reset-password" element={<ResetPasswordScreen />} />
          <Route path="verify-email" element={<VerifyEmailScreen />} />
          <Route
            path="account"
            element={
              <RequireAuth>
                <AccountScreen />
              </RequireAuth>
            }
          />
          <Route
            path="my/products"
            element={
              <RequireAuth>
                <MyProductsScreen />
              </RequireAuth>
            }
          />
          <Route
            path="my/products/new"
            element={
              <RequireAuth>
                <ProductEditorScreen />
              </RequireAuth>
            }
          />
          <Route
            path="admin"
            element={
              <RequireAuth admin>
                <AdminScreen />
              </RequireAuth>
            }
          />
          <Route path="*" element={<NotFoundScreen />} />
        </Route>
      </Routes>
    </AuthProvider>
  );
}
