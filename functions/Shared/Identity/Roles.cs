namespace Covacha.Shared.Identity;

public static class Roles
{
    public const string User = "user";
    public const string Admin = "admin";

    public static bool IsKnown(string? role) => role is User or Admin;
}
