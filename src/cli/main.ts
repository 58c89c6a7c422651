// Entry point: check the runtime before loading anything that may need a newer Node.
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`maturity-audit needs Node.js 20.19 or newer; this is ${process.versions.node}. Install a current Node.js from nodejs.org.\n`);
  process.exitCode = 2;
} else {
  const { main } = await import("./program.js");
  process.exitCode = await main(process.argv);
}
