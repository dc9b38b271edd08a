/**
 * Max-min fair sharing of `capacity` among demands, each capped by its own demand and weighted (CFS shares):
 * the arithmetic behind cgroup cpu.weight. Writes allocations into `out`; returns the total allocated.
 */
export function fairShare(capacity: number, demands: Float64Array | number[], weights: Float64Array | number[], n: number, out: Float64Array | number[]): number {
  let total = 0
  for (let i = 0; i < n; i++) total += demands[i]!
  if (total <= capacity) {
    for (let i = 0; i < n; i++) out[i] = demands[i]!
    return total
  }
  // contended: repeatedly give every unsatisfied claimant its weighted share; satisfied ones drop out
  const active: number[] = []
  for (let i = 0; i < n; i++) { out[i] = 0; if (demands[i]! > 0) active.push(i) }
  let left = capacity
  while (active.length > 0 && left > 1e-9) {
    let weightSum = 0
    for (const i of active) weightSum += weights[i]!
    let satisfied = false
    for (let k = active.length - 1; k >= 0; k--) {
      const i = active[k]!
      const share = (left * weights[i]!) / weightSum
      const need = demands[i]! - out[i]!
      if (need <= share) { out[i] = demands[i]!; left -= need; active.splice(k, 1); satisfied = true }
    }
    if (!satisfied) {
      for (const i of active) out[i] = out[i]! + (left * weights[i]!) / weightSum
      left = 0
    }
  }
  return capacity - left
}
