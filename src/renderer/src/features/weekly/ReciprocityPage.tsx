import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useDataVersion } from '../../lib/data-version'
import { formatDate } from '../../lib/format'
import { plural } from '../../../../shared/format'
import { useApi } from '../../lib/useApi'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PersonActions, PersonName, useMe } from '../../components/PersonActions'
import { WhoCanHelp } from '../../components/WhoCanHelp'
import { Busy } from '../../components/Busy'

/** Who I owe and who owes me, in favor points. */
export function ReciprocityPage(): ReactNode {
  const { version } = useDataVersion()
  const rec = useApi('reciprocity.get', {}, String(version))
  const me = useMe()
  if (rec.data === undefined) return rec.error === undefined ? <Busy label="Loading" /> : <ErrorNotice error={rec.error} />
  const { standings, nudges } = rec.data
  const extremes = [...standings.filter((s) => s.balance < 0).slice(0, 8), ...standings.filter((s) => s.balance > 0).slice(-8)]
  const data = extremes.map((s) => ({ person: s.label, gave: s.pointsGivenByMe, received: s.pointsReceivedByMe, balance: s.balance }))
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={2}>Reciprocity</Title>
      {standings.length === 0 ? (
        <Paper withBorder p="xl">
          <Text>No favors logged yet. Log favors on a person’s page; introductions log theirs.</Text>
        </Paper>
      ) : (
        <>
          <Paper withBorder p="lg" component="section" aria-label="Favor balance chart">
            <Stack gap="xs">
              <Title order={3} size="h4">
                Who you owe, and who owes you
              </Title>
              <Text size="sm" c="dimmed">
                Favor points you gave and received (small 1, medium 2, large 3), for the people you owe most and those who owe you most. More
                received than given: you owe them.
              </Text>
              {data.length === 0 ? (
                // Everyone even: no one to chart (the table below has them all).
                <Text size="sm">You and everyone you have traded favors with are even: no one owes, and you owe no one.</Text>
              ) : (
                <div
                  role="img"
                  aria-label={`Favor balances: ${data.map((d) => `${d.person} ${d.balance > 0 ? '+' : ''}${d.balance} (gave ${d.gave}, received ${d.received})`).join(', ')}`}
                >
                  {/* Two colours that differ in hue and lightness, each readable on the light and the dark page. */}
                  <BarChart
                    h={Math.max(180, data.length * 44)}
                    data={data}
                    dataKey="person"
                    orientation="vertical"
                    yAxisProps={{ width: 140 }}
                    withLegend
                    legendProps={{ verticalAlign: 'top' }}
                    // The chart is one image, named above with every figure: not a focus stop of its own with no name.
                    barChartProps={{ accessibilityLayer: false }}
                    series={[
                      { name: 'gave', label: 'You gave', color: 'blue.5' },
                      { name: 'received', label: 'You received', color: 'orange.7' },
                    ]}
                  />
                </div>
              )}
            </Stack>
          </Paper>
          {nudges.length > 0 && (
            <Stack gap="xs" component="section" aria-label="Nudges">
              {nudges.map((n) => (
                // A note, not an alert: ten of them would each be read out at once.
                <Alert key={n.person.id} role="note" color="yellow" variant="light" title={<PersonName person={n.person} label={n.label} />}>
                  <Stack gap="xs">
                    <Text size="sm">{n.text}</Text>
                    <WhoCanHelp helpers={n.helpers} />
                    <PersonActions person={n.person} label={n.label} me={me} />
                  </Stack>
                </Alert>
              ))}
            </Stack>
          )}
          <Table aria-label="Favors by person" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Person</Table.Th>
                <Table.Th scope="col" ta="right">You gave</Table.Th>
                <Table.Th scope="col" ta="right">You received</Table.Th>
                <Table.Th scope="col" ta="right">Balance</Table.Th>
                <Table.Th scope="col" ta="right">Last 90 days</Table.Th>
                <Table.Th scope="col">Last favor</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {standings.map((s) => (
                <Table.Tr key={s.person.id}>
                  <Table.Td>
                    <PersonName person={s.person} label={s.label} />
                  </Table.Td>
                  <Table.Td ta="right">
                    {s.givenByMe} ({plural(s.pointsGivenByMe, 'point')})
                  </Table.Td>
                  <Table.Td ta="right">
                    {s.receivedByMe} ({plural(s.pointsReceivedByMe, 'point')})
                  </Table.Td>
                  <Table.Td ta="right">{s.balance > 0 ? `+${s.balance}` : s.balance}</Table.Td>
                  <Table.Td ta="right">{s.trend > 0 ? `+${s.trend}` : s.trend}</Table.Td>
                  <Table.Td>{formatDate(s.lastFavor)}</Table.Td>
                  <Table.Td>
                    <PersonActions person={s.person} label={s.label} me={me} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  )
}
