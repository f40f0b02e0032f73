import { describe, expect, it } from 'vitest'
import { receiptOf, receiptText, type ReceiptSource } from '#app/domain/donations/receipt.ts'
import { fixedT } from '#app/services/translations.server.ts'

/*
 * Receipts worked out by hand: a $50 monthly gift with a $1.80 fee covered, received late on
 * November 30 in New York (already December 1 in UTC), to Riverbend's fund, designated to a
 * program, in memory of someone.
 */
const SOURCE: ReceiptSource = {
  donation: {
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    amountMinor: 50_00,
    feeCoveredMinor: 1_80,
    refundedMinor: 0,
    currency: 'USD',
    interval: 'month',
    donorName: 'Ana Ruiz',
    donorEmail: 'ana@example.org',
    tributeKind: 'memory',
    tributeName: 'Rosa Díaz',
    // 22:30 on November 30 in New York (EST, UTC−5).
    settledAt: new Date('2026-12-01T03:30:00Z'),
  },
  fund: 'Riverbend Health Equity Fund',
  designation: 'Community Health Access 2027',
  owner: {
    name: 'Riverbend Community Foundation',
    legalName: 'Riverbend Community Foundation, Inc.',
    registrationNumber: '31-1234567',
  },
  refundedAt: null,
  timeZone: 'America/New_York',
}

const withDonation = (
  changes: Partial<ReceiptSource['donation']>,
  more: Partial<ReceiptSource> = {},
) => ({
  ...SOURCE,
  ...more,
  donation: { ...SOURCE.donation, ...changes },
})

describe('receiptOf', () => {
  it('takes the day in the receipt’s zone, the legal recipient and the sums', () => {
    expect(receiptOf(SOURCE)).toEqual({
      number: 'CF-2026-A1B2C3D4',
      recipient: {
        legalName: 'Riverbend Community Foundation, Inc.',
        registrationNumber: '31-1234567',
      },
      donor: { name: 'Ana Ruiz', email: 'ana@example.org' },
      receivedOn: '2026-11-30',
      amountMinor: 50_00,
      feeCoveredMinor: 1_80,
      totalMinor: 51_80,
      currency: 'USD',
      fund: 'Riverbend Health Equity Fund',
      designation: 'Community Health Access 2027',
      monthly: true,
      tribute: { kind: 'memory', name: 'Rosa Díaz' },
      refund: null,
    })
  })

  it('numbers the receipt by the year it was received in that zone', () => {
    // 21:00 on December 31 in New York is already 2027 in UTC.
    const newYearsEve = withDonation({ settledAt: new Date('2027-01-01T02:00:00Z') })
    expect(receiptOf(newYearsEve)).toMatchObject({
      number: 'CF-2026-A1B2C3D4',
      receivedOn: '2026-12-31',
    })
    expect(receiptOf({ ...newYearsEve, timeZone: 'UTC' })).toMatchObject({
      number: 'CF-2027-A1B2C3D4',
      receivedOn: '2027-01-01',
    })
  })

  it('names the organisation when it has no legal name, and no number when it has none', () => {
    const receipt = receiptOf({
      ...SOURCE,
      owner: { name: 'Eastside Fund', legalName: '  ', registrationNumber: '' },
    })
    expect(receipt.recipient).toEqual({ legalName: 'Eastside Fund', registrationNumber: '' })
  })

  it('says what was refunded, and when; all of it is a whole refund', () => {
    const partly = withDonation(
      { refundedMinor: 10_00 },
      // 10:00 on December 2 in New York.
      { refundedAt: new Date('2026-12-02T15:00:00Z') },
    )
    expect(receiptOf(partly).refund).toEqual({
      amountMinor: 10_00,
      on: '2026-12-02',
      whole: false,
    })
    const wholly = withDonation({ refundedMinor: 51_80 }, { refundedAt: null })
    expect(receiptOf(wholly).refund).toEqual({ amountMinor: 51_80, on: null, whole: true })
  })

  it('has no tribute without both its kind and a name', () => {
    expect(receiptOf(withDonation({ tributeKind: 'honour', tributeName: null })).tribute).toBe(null)
    expect(receiptOf(withDonation({ tributeKind: null, tributeName: 'X' })).tribute).toBe(null)
  })
})

describe('receiptText', () => {
  it('reads in English', () => {
    const text = receiptText(receiptOf(SOURCE), fixedT('en'), 'en')
    expect(text.title).toBe('Donation receipt')
    expect(text.rows).toEqual([
      { label: 'Receipt number', value: 'CF-2026-A1B2C3D4' },
      { label: 'Received by', value: 'Riverbend Community Foundation, Inc.' },
      { label: 'Registration number', value: '31-1234567' },
      { label: 'Donor', value: 'Ana Ruiz' },
      { label: 'Donor’s email', value: 'ana@example.org' },
      { label: 'Date received', value: 'November 30, 2026' },
      { label: 'Gift', value: '$50.00' },
      { label: 'Processing fee you covered', value: '$1.80' },
      { label: 'Total charged', value: '$51.80' },
      { label: 'Currency', value: 'USD' },
      { label: 'Fund', value: 'Riverbend Health Equity Fund' },
      { label: 'Designated to', value: 'Community Health Access 2027' },
      { label: 'Kind of gift', value: 'Monthly gift (this receipt is for one month)' },
    ])
    expect(text.tribute).toBe('Given in memory of Rosa Díaz.')
    expect(text.statement).toBe(
      'No goods or services were provided in exchange for this contribution.',
    )
    expect(text.refund).toBe(null)
    expect(text.void).toBe(false)
  })

  it('reads in Spanish, with its accents', () => {
    const text = receiptText(receiptOf(SOURCE), fixedT('es'), 'es')
    expect(text.title).toBe('Recibo de donación')
    expect(text.rows).toContainEqual({
      label: 'Fecha de recepción',
      value: '30 de noviembre de 2026',
    })
    expect(text.rows).toContainEqual({ label: 'Total cobrado', value: '$51.80' })
    expect(text.rows).toContainEqual({ label: 'Número de registro', value: '31-1234567' })
    expect(text.tribute).toBe('Donación en memoria de Rosa Díaz.')
    expect(text.statement).toBe(
      'No se proporcionaron bienes ni servicios a cambio de esta contribución.',
    )
  })

  it('leaves out the rows a gift does not have', () => {
    const plain = receiptOf({
      ...withDonation({ feeCoveredMinor: 0, interval: 'one_time', tributeKind: null }),
      designation: null,
      owner: { ...SOURCE.owner, registrationNumber: '' },
    })
    const text = receiptText(plain, fixedT('en'), 'en')
    const labels = text.rows.map((r) => r.label)
    expect(labels).not.toContain('Processing fee you covered')
    expect(labels).not.toContain('Designated to')
    expect(labels).not.toContain('Registration number')
    expect(text.rows).toContainEqual({ label: 'Total charged', value: '$50.00' })
    expect(text.rows).toContainEqual({ label: 'Kind of gift', value: 'One-time gift' })
    expect(text.tribute).toBe(null)
  })

  it('says a partial refund with its day, and voids a receipt refunded whole', () => {
    const partly = receiptOf(
      withDonation({ refundedMinor: 10_00 }, { refundedAt: new Date('2026-12-02T15:00:00Z') }),
    )
    expect(receiptText(partly, fixedT('en'), 'en')).toMatchObject({
      refund: 'Refunded: $10.00 on December 2, 2026.',
      void: false,
    })
    expect(receiptText(partly, fixedT('es'), 'es').refund).toBe(
      'Reembolsado: $10.00 el 2 de diciembre de 2026.',
    )
    const wholly = receiptOf(
      withDonation({ refundedMinor: 51_80 }, { refundedAt: new Date('2026-12-03T15:00:00Z') }),
    )
    expect(receiptText(wholly, fixedT('en'), 'en')).toMatchObject({
      refund: 'This receipt is void: the whole gift ($51.80) was refunded on December 3, 2026.',
      void: true,
    })
    expect(receiptText(wholly, fixedT('es'), 'es').refund).toBe(
      'Este recibo queda anulado: se reembolsó toda la donación ($51.80) el 3 de diciembre de 2026.',
    )
  })
})
