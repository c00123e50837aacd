"$OWNERTRACE" validate xml/full.xml
