using Casus.Api.Http;
using Casus.Domain.Casussen;

namespace Casus.Api.Casussen.Requests;

/// <summary>A request body for a command on an existing casus: validated field by field into the domain command.</summary>
public interface ICommandRequest<TSelf> where TSelf : ICommandRequest<TSelf>
{
    /// <summary>The command this request asks for; reports every invalid field to <paramref name="v"/>.</summary>
    ICasusCommando ToCommand(InputValidator v);

    /// <summary>A realistic example, shown in the OpenAPI document and Swagger UI.</summary>
    static abstract TSelf Example { get; }
}
