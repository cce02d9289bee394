import { describe, expect, it } from 'vitest'
import { placeLabels, type Box } from './labels'

describe('names on the network map', () => {
  it('leaves out a name that would run into one already drawn, and always draws the forced ones', () => {
    const boxes: Box[] = [
      [100, 100, 180, 112], // Kemi Mensah
      [170, 98, 250, 110], // Ruth Romero, over Kemi's end
      [300, 100, 380, 112], // far away
      [120, 105, 200, 117], // under Kemi, but forced (the person found)
      [100, 130, 180, 142], // the line below: clear
    ]
    expect(placeLabels(boxes, [false, false, false, true, false])).toEqual([false, false, true, true, true])
    // Nothing forced: the first of two that overlap is the one drawn.
    expect(placeLabels(boxes.slice(0, 3), [false, false, false])).toEqual([true, false, true])
    // Two names just clear of each other (more than the gap) are both drawn; closer than the gap, only the first.
    expect(placeLabels([[0, 0, 50, 10], [53, 0, 90, 10]], [false, false])).toEqual([true, true])
    expect(placeLabels([[0, 0, 50, 10], [51, 0, 90, 10]], [false, false])).toEqual([true, false])
  })
})
