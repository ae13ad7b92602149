namespace Casus.Api.Tests.Infrastructure;

/// <summary>A test that needs nginx: skipped, saying so, only where nginx is not installed (CI installs it, so it never skips there).</summary>
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute()
    {
        if (Nginx.Find() is null) Skip = "nginx is not installed (Debian: apt-get install nginx; .ci/run does this).";
    }
}
