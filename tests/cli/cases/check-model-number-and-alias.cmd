"$OWNERTRACE" check --data rules/world.yaml --as-of 2025-07-01 'ac x155' 海康威视 'acmecam x1'
