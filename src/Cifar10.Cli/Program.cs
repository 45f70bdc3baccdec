using Cifar10.Cli;

return CliApp.Run(args);
