using BoxOffice.Worker;

return await WorkerProgram.RunAsync(args);
