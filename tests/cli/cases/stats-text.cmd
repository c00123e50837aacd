"$OWNERTRACE" stats --data rules/world.yaml
