using Covacha.Products;
using Covacha.Shared.Hosting;

return await FunctionsAppRunner.RunAsync(args, ProductsServices.App);
