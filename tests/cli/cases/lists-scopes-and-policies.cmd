"$OWNERTRACE" lists --data rules/world.yaml
