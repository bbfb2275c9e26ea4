using System.Reflection;

namespace Covacha.Shared.Pipeline;

/// <summary>What a function asks of its caller, read once from its method's attributes.</summary>
public sealed record FunctionRequirements(bool SignedIn, string? Role, string? Denied, bool OrServiceKey)
{
    public static readonly FunctionRequirements None = new(false, null, null, false);

    public static FunctionRequirements Of(MethodInfo method)
    {
        if (method.GetCustomAttribute<RequireRoleAttribute>() is { } role)
        {
            return new FunctionRequirements(true, role.Role, role.Denied, role.OrServiceKey);
        }

        return method.GetCustomAttribute<SignedInAttribute>() is not null ? new FunctionRequirements(true, null, null, false) : None;
    }
}

/// <summary>One function as the pipeline knows it: its name (for logs) and its requirements.</summary>
public sealed record FunctionDescriptor(string Name, FunctionRequirements Requirements)
{
    public static FunctionDescriptor Of(string name, MethodInfo method) => new(name, FunctionRequirements.Of(method));
}
