"$OWNERTRACE" check --data rules/world.yaml --as-of 2025-07-01 hikvision-canada
