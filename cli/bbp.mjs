#!/usr/bin/env node
console.log("bbp ok", process.argv.slice(2));
