using Outreach.Bot.Hosting;

return await OutreachHost.RunAsync(args);
