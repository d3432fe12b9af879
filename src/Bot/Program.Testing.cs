// WebApplicationFactory<Program> in the tests needs to see the entry point's type (eShop's Program.Testing.cs).
#pragma warning disable CA1050 // The top-level-statements Program lives in the global namespace by design.
public partial class Program;
#pragma warning restore CA1050
