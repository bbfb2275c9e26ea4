namespace Covacha.Products.Data;

/// <summary>How a change or a delete of one product ended.</summary>
public enum ChangeOutcome
{
    /// <summary>Committed, with its event.</summary>
    Done,

    /// <summary>No such product (or it is deleted).</summary>
    NotFound,

    /// <summary>The caller neither owns the product nor is an admin.</summary>
    NotAllowed,

    /// <summary>The product's version is not the one the caller expected.</summary>
    VersionMismatch,

    /// <summary>An admin took the product down; it stays as it is, for the record.</summary>
    TakenDown,

    /// <summary>The change itself refused the product's current state (the caller knows why).</summary>
    Rejected,
}

/// <summary>The outcome, and the product as it now is when <see cref="ChangeOutcome.Done"/>.</summary>
public sealed record ChangeResult(ChangeOutcome Outcome, ProductRow? Product = null);
