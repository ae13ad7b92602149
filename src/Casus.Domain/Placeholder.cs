namespace Casus.Domain; internal static class Placeholder {}
