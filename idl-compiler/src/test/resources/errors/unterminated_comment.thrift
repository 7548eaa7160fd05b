struct Before {}

/* this comment
   never ends
struct After {}
