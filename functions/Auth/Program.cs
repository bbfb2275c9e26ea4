using Covacha.Auth;
using Covacha.Shared.Hosting;

return await FunctionsAppRunner.RunAsync(args, AuthServices.App);
