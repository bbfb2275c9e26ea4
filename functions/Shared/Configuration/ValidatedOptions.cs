using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Covacha.Shared.Configuration;

/// <summary>
/// Options bound from a configuration section and validated at start-up, with errors that
/// name the full key (<c>Identity:Issuer is required</c>) so a missing setting is obvious.
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<T> AddValidatedOptions<T>(
        this IServiceCollection services,
        IConfiguration configuration,
        string section,
        Func<T, string?>? extraRule = null,
        string? extraRuleMember = null)
        where T : class
    {
        var builder = services.AddOptions<T>().Bind(configuration.GetSection(section));
        services.AddSingleton<IValidateOptions<T>>(new SectionValidator<T>(section, extraRule, extraRuleMember));
        builder.ValidateOnStart();
        return builder;
    }

    private sealed class SectionValidator<T>(string section, Func<T, string?>? extraRule, string? extraRuleMember)
        : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
            var failures = results
                .Select(r => $"{section}:{string.Join(",", r.MemberNames)} {Lower(r.ErrorMessage)}")
                .ToList();
            if (extraRule?.Invoke(options) is { } extra)
            {
                failures.Add($"{section}:{extraRuleMember} {extra}");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private static string Lower(string? message) =>
            string.IsNullOrEmpty(message) ? "is invalid" : message.Replace("The ", "", StringComparison.Ordinal);
    }
}
