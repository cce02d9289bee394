import { notify } from '../../lib/notify'
import { useEffect } from 'react'
import { z } from 'zod'
import { call } from '../../lib/client'

const SEEN_KEY = 'kith.notifiedTasks'
/** What SEEN_KEY holds: the ids of the tasks already announced this session. */
const seenIds = z.array(z.number())
const EVERY_MS = 60_000

/** While Kith is open, a notice for each follow-up that falls due (once each). */
export function useDueNotices(): void {
  useEffect(() => {
    const seen = new Set<number>(seenIds.catch([]).parse(JSON.parse(sessionStorage.getItem(SEEN_KEY) ?? '[]')))
    let first = true
    const check = (): void => {
      call('tasks.list', { due: true })
        .then((tasks) => {
          const fresh = tasks.filter((t) => !seen.has(t.id))
          for (const t of fresh) seen.add(t.id)
          sessionStorage.setItem(SEEN_KEY, JSON.stringify([...seen]))
          if (fresh.length === 0) return
          notify({
            color: 'orange',
            title: first && fresh.length > 1 ? `${fresh.length} follow-ups are due` : 'A follow-up is due',
            message: fresh.length === 1 ? (fresh[0]?.title ?? '') : fresh.slice(0, 3).map((t) => t.title).join(' · '),
            autoClose: 10_000,
          })
        })
        .catch(() => undefined)
        .finally(() => {
          first = false
        })
    }
    check()
    const timer = setInterval(check, EVERY_MS)
    return () => clearInterval(timer)
  }, [])
}
