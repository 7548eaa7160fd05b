typedef Second First
typedef Third Second
typedef First Third
