// The classifier endpoint and nothing else: options from the "Cifar10" section (appsettings.json, or
// Cifar10__ModelPath and friends in the environment), addresses from ASP.NET Core's own settings.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddCifarClassifier(builder.Configuration);

var app = builder.Build();
app.MapCifarClassifier();
app.Run();
