"$OWNERTRACE" validate "$TOPSRC/graphs" 2>&1 | sed "s|^.*/graphs/|graphs/|"
