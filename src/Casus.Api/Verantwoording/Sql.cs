using Npgsql;
using NpgsqlTypes;

namespace Casus.Api.Verantwoording;

/// <summary>Positional parameters for the logs' SQL; a null needs its type, so PostgreSQL can compare it.</summary>
internal static class Sql
{
    public static NpgsqlParameter Param(object? value, NpgsqlDbType? type = null)
    {
        var parameter = new NpgsqlParameter { Value = value ?? DBNull.Value };
        if (type is { } t) parameter.NpgsqlDbType = t;
        return parameter;
    }
}
