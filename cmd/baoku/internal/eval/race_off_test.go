//go:build !race

package eval

// raceOn is true when the tests are built with the race detector.
const raceOn = false
