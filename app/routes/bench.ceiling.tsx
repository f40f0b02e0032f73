import type { MetaFunction } from '@remix-run/node'

/**
 * The framework's ceiling for `npm run bench:load`: a page with no loader of its own, rendered
 * through the root route like every page, so its throughput is what any page can reach at most.
 */
export const meta: MetaFunction = () => [
  { title: 'Ceiling · Commons Fund' },
  { name: 'robots', content: 'noindex' },
]

export default function Ceiling() {
  return <h1>Ceiling</h1>
}
