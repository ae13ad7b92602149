namespace Casus.Projections; internal static class Placeholder {}
