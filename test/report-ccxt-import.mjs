// `node --import ./test/report-ccxt-import.mjs`: prints which module imports ccxt, if any does.
import module from "node:module";

module.registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === "ccxt") process.stderr.write(`ccxt imported by ${context.parentURL}\n`);
    return nextResolve(specifier, context);
  },
});
