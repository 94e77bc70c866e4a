#!/bin/sh
echo "not used: this project runs Prisma through the WebAssembly engine" >&2
exit 1
