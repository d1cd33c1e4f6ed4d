// Preloaded into a child process (NODE_OPTIONS=--import …): prints its peak resident memory when it
// exits, so a test can hold a command to a memory bound.
process.on('exit', () => process.stderr.write(`max-rss-kb ${process.resourceUsage().maxRSS}\n`));
