// A local OpenID Connect provider for the Swagger UI sign-in test (npm oidc-provider). Usage: node idp.mjs <port> <api origin>
// Any login name signs in (its development login form); every user gets the claims of the example RIEC coordinator.
// Access tokens are JWTs for the resource urn:casus:api carrying the claims the API reads (docs/operations.md).
import Provider from "oidc-provider";

const [port, apiOrigin] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const resource = "urn:casus:api";
const coordinator = {
  organisatie_id: "riec-zwb",
  organisatie_naam: "RIEC Zeeland-West-Brabant",
  organisatie_type: "riec",
  roles: ["riec-coordinator"],
  riec_regio: ["taskforce-brabant-zeeland"],
};

const provider = new Provider(issuer, {
  clients: [{
    client_id: "casus-swagger",
    token_endpoint_auth_method: "none",
    redirect_uris: [`${apiOrigin}/swagger/oauth2-redirect.html`],
    grant_types: ["authorization_code"],
    response_types: ["code"],
  }],
  responseTypes: ["code"],
  pkce: { required: () => true },
  scopes: ["openid", "casus"],
  claims: { openid: ["sub"] },
  findAccount: (_, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
  extraTokenClaims: (_, token) => (token.kind === "AccessToken" ? coordinator : undefined),
  clientBasedCORS: () => true,
  cookies: { keys: ["casus-e2e-only"] },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => resource,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: "casus", audience: resource, accessTokenFormat: "jwt", jwt: { sign: { alg: "RS256" } } }),
    },
  },
});
provider.listen(Number(port), "127.0.0.1", () => console.log(`oidc-provider at ${issuer}`));
