namespace Covacha.Auth.Model;

public sealed record UserPage(IReadOnlyList<UserListItem> Items, long Total, int Page, int PageSize);
