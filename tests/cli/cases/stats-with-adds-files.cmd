"$OWNERTRACE" stats --data rules/world.yaml --with warnings.yaml --json
