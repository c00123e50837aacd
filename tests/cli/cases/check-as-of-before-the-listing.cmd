"$OWNERTRACE" check --data rules/world.yaml --as-of 2025-06-26 --policy canada hikvision-canada
