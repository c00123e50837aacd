"$OWNERTRACE" reach --data rules/world.yaml --as-of 2025-07-01 --policy us-federal --json dahua
