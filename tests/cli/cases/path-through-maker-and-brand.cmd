"$OWNERTRACE" path --data rules/world.yaml --as-of 2025-07-01 cetc AC-X155
