"""Training views, split by who uses them: the public, trainees, trainers and mentors, staff."""
