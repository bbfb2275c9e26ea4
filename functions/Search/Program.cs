using Covacha.Search;
using Covacha.Shared.Hosting;

return await FunctionsAppRunner.RunAsync(args, SearchServices.App);
