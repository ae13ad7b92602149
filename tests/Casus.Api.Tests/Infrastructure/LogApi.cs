using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Casus.Api.Tests.Infrastructure;

/// <summary>The API with every log message it writes, at every level, captured in <see cref="Log"/>.</summary>
public class LogApi : CasusApi
{
    public LogApi()
    {
        Instellingen["Logging:LogLevel:Default"] = "Trace";
        Instellingen["Logging:LogLevel:Microsoft"] = "Trace";
        Instellingen["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        Instellingen["Logging:LogLevel:Marten"] = "Trace";
    }

    /// <summary>Every message the application logged (level, category, text, exception, fields), in order.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>The messages logged at level Error or Critical.</summary>
    public IReadOnlyList<string> Fouten() =>
        Log.Where(r => r.StartsWith("Error", StringComparison.Ordinal) || r.StartsWith("Critical", StringComparison.Ordinal)).ToList();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(new Vanger(Log));
        });
    }

    private sealed class Vanger(ConcurrentQueue<string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, log);

        public void Dispose()
        {
        }

        private sealed class Logger(string categorie, ConcurrentQueue<string> log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                log.Enqueue($"{logLevel} {categorie}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}" +
                    (state is IEnumerable<KeyValuePair<string, object?>> velden ? " " + string.Join(" ", velden.Select(v => $"{v.Key}={v.Value}")) : ""));
        }
    }
}
