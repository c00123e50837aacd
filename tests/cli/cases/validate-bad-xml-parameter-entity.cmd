"$OWNERTRACE" validate bad/bad-xml-parameter-entity.xml
