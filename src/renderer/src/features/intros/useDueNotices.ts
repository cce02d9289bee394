import { notify } from '../../lib/notify'
import { useEffect } from 'react'
import { call } from '../../lib/client'

const SEEN_KEY = 'kith.notifiedTasks'
/**
 * What SEEN_KEY holds: the ids of the tasks already announced this session (anything else
 * there is read as none). Checked by hand: this hook loads with the first page, which
 * carries no zod.
 */
function seenIds(stored: string | null): number[] {
  try {
    const value: unknown = JSON.parse(stored ?? '[]')
    return Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : []
  } catch {
    return []
  }
}
const EVERY_MS = 60_000

/** While Kith is open, a notice for each follow-up that falls due (once each). */
export function useDueNotices(): void {
  useEffect(() => {
    const seen = new Set<number>(seenIds(sessionStorage.getItem(SEEN_KEY)))
    const check = (): void => {
      call('tasks.list', { due: true })
        .then((tasks) => {
          const fresh = tasks.filter((t) => !seen.has(t.id))
          for (const t of fresh) seen.add(t.id)
          sessionStorage.setItem(SEEN_KEY, JSON.stringify([...seen]))
          if (fresh.length === 0) return
          notify({
            color: 'orange',
            title: fresh.length > 1 ? `${fresh.length} follow-ups are due` : 'A follow-up is due',
            message:
              fresh.length === 1
                ? (fresh[0]?.title ?? '')
                : fresh
                    .slice(0, 3)
                    .map((t) => t.title)
                    .join(' · ') + (fresh.length > 3 ? ` · and ${fresh.length - 3} more on This week` : ''),
            autoClose: 10_000,
          })
        })
        .catch(() => undefined)
    }
    check()
    const timer = setInterval(check, EVERY_MS)
    return () => clearInterval(timer)
  }, [])
}
