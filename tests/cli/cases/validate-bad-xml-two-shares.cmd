"$OWNERTRACE" validate bad/bad-xml-two-shares.xml
