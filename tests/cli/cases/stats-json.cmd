"$OWNERTRACE" stats --json --data rules/world.yaml
