"$OWNERTRACE" convert --to xml warnings.yaml - 
