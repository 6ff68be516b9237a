"""The user's settings: directories, the dataset path, saved progress, which position is in force."""
