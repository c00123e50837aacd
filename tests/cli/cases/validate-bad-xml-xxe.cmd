"$OWNERTRACE" validate bad/bad-xml-xxe.xml
