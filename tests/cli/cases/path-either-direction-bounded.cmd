"$OWNERTRACE" path --data rules/world.yaml --as-of 2025-07-01 --max-paths 2 dahua hikvision
